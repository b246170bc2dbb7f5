//! Writing output files safely: the bytes go to a temporary file created with `O_EXCL` under an
//! unpredictable name in the target directory (so no planted symlink is followed), then are moved
//! into place without replacing anything unless `--force` (a dangling symlink counts as an
//! existing file; two runs racing for one new name cannot both win). `--force` keeps the old
//! file's permissions. Ctrl-C or SIGTERM mid-write removes the temporary file; a full disk is
//! said in Chinese and leaves the old file as it was.

#![allow(clippy::disallowed_methods)] // the one module allowed to touch files this way (clippy.toml)

use crate::Error;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files being written, removed if the process is interrupted.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Installs the Ctrl-C / SIGTERM handler that removes pending temporary files and stops helper
/// programs (once). It is installed before the first temporary file is created or the first
/// helper started (and by `serve`): a run that does neither — `check` of text files — starts
/// no handler thread, and Ctrl-C ends it as it would any program.
pub fn install_cleanup() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(install_handler);
}

fn install_handler() {
    let _ = ctrlc::set_handler(|| {
        crate::input::stop_children();
        if let Ok(pending) = PENDING.lock() {
            for path in pending.iter() {
                let _ = std::fs::remove_file(path);
            }
            if !pending.is_empty() {
                crate::printer::eprintln("\n已中断，未写完的临时文件已删除");
            }
        }
        std::process::exit(130);
    });
}

fn pending(path: &Path, add: bool) {
    if let Ok(mut list) = PENDING.lock() {
        if add {
            list.push(path.to_path_buf());
        } else {
            list.retain(|p| p != path);
        }
    }
}

fn write_error(path: &Path, e: &std::io::Error) -> Error {
    let reason = match e.kind() {
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
            "磁盘已满（或超出配额）；未写入任何内容，原有文件保持不变".to_string()
        }
        _ => format!("{}；原有文件保持不变", crate::input::io_reason(e)),
    };
    Error::Write {
        path: path.to_path_buf(),
        reason,
    }
}

/// Writes `bytes` to `path`; an existing file (or a symlink, even dangling) is kept unless
/// `force`.
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), Error> {
    write_with(path, force, |_, file| {
        file.write_all(bytes).map_err(|e| e.to_string())
    })
    .map(|_| ())
}

/// Like [`write_file`], with the content produced by `fill` into the temporary file (given by
/// path and open): a large export streamed to disk, an SQLite database built in place. Returns
/// the size of the file written, in bytes.
pub fn write_with(
    path: &Path,
    force: bool,
    fill: impl FnOnce(&Path, &mut std::fs::File) -> Result<(), String>,
) -> Result<u64, Error> {
    let existing = std::fs::symlink_metadata(path).ok();
    if existing.is_some() && !force {
        return Err(Error::Exists(path.to_path_buf()));
    }
    // Following a link to see what --force replaces: a directory is never replaced.
    let target = std::fs::metadata(path).ok();
    if let Some(kind) = target.as_ref().and_then(crate::input::special_kind) {
        return Err(Error::Write {
            path: path.to_path_buf(),
            reason: format!("它是{kind}，不能作为输出文件"),
        });
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    install_cleanup();
    let mut temp = tempfile::Builder::new()
        .prefix(".gaogen-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| write_error(path, &e))?;
    pending(temp.path(), true);
    let temp_path = temp.path().to_path_buf();
    if let Err(reason) = fill(&temp_path, temp.as_file_mut()) {
        drop(temp);
        pending(&temp_path, false);
        return Err(Error::Write {
            path: path.to_path_buf(),
            reason,
        });
    }
    let result = (|| {
        temp.as_file().sync_all()?;
        if let Some(old) = target.filter(|_| force) {
            temp.as_file().set_permissions(old.permissions())?;
        }
        // By path: a sink (SQLite) may have written through its own handle.
        Ok(std::fs::metadata(&temp_path)?.len())
    })();
    let size = match result {
        Ok(size) => size,
        Err(e) => {
            drop(temp);
            pending(&temp_path, false);
            return Err(write_error(path, &e));
        }
    };
    let persisted = if force {
        temp.persist(path)
    } else {
        temp.persist_noclobber(path)
    };
    pending(&temp_path, false);
    match persisted {
        Ok(_) => Ok(size),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(Error::Exists(path.to_path_buf()))
        }
        Err(e) => Err(write_error(path, &e.error)),
    }
}
