//! Writing output files: atomically (a temporary file renamed into place), never over an
//! existing file without `force`.

use crate::Error;
use std::path::Path;

/// Writes `bytes` to `path` atomically; an existing file is kept unless `force`.
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), Error> {
    if path.exists() && !force {
        return Err(Error::Exists(path.to_path_buf()));
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.gaogen-{}", std::process::id()));
    std::fs::write(&temp, bytes)
        .and_then(|()| std::fs::rename(&temp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&temp);
            Error::Write {
                path: path.to_path_buf(),
                reason: e.to_string(),
            }
        })
}
