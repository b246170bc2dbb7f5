//! What `gaogen score` writes: text, JSON or an Excel workbook, from `--format` or the output
//! file's ending (a `--format` contradicting the ending is an error, as for `render`).

use crate::Error;
use std::path::Path;

/// The output formats of `score`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScoreFormat {
    Text,
    Json,
    Xlsx,
}

impl ScoreFormat {
    fn name(self) -> &'static str {
        match self {
            ScoreFormat::Text => "text",
            ScoreFormat::Json => "json",
            ScoreFormat::Xlsx => "xlsx",
        }
    }

    fn of_extension(ext: &str) -> Option<ScoreFormat> {
        match ext {
            "txt" | "text" => Some(ScoreFormat::Text),
            "json" => Some(ScoreFormat::Json),
            "xlsx" => Some(ScoreFormat::Xlsx),
            _ => None,
        }
    }

    /// `--format` when given, else what `-o`'s ending says, else text to the terminal. A
    /// workbook needs `-o`.
    pub fn resolve(output: Option<&Path>, explicit: Option<ScoreFormat>) -> Result<Self, Error> {
        let Some(path) = output else {
            return match explicit {
                Some(ScoreFormat::Xlsx) => Err(Error::Usage(
                    "--format xlsx 需要用 -o 指定输出文件，如 -o 评分结果.xlsx".into(),
                )),
                other => Ok(other.unwrap_or(ScoreFormat::Text)),
            };
        };
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match (ext.as_deref().and_then(Self::of_extension), explicit) {
            (Some(by_name), Some(given)) if by_name != given => Err(Error::Usage(format!(
                "输出文件 {} 的扩展名是 .{}，与 --format {} 矛盾：去掉 --format（按扩展名输出），或把文件名改为 .{}",
                path.display(),
                ext.unwrap_or_default(),
                given.name(),
                if given == ScoreFormat::Text { "txt" } else { given.name() }
            ))),
            (Some(by_name), _) => Ok(by_name),
            (None, Some(given)) => Ok(given),
            (None, None) => Err(Error::Usage(format!(
                "无法从 {} 的扩展名判断输出格式：用 .xlsx .json .txt 作扩展名，或加 --format",
                path.display()
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ending_decides_and_a_contradiction_is_refused() {
        let x = Path::new("评分结果.xlsx");
        assert_eq!(
            ScoreFormat::resolve(Some(x), None).unwrap(),
            ScoreFormat::Xlsx
        );
        assert_eq!(
            ScoreFormat::resolve(Some(Path::new("a.JSON")), None).unwrap(),
            ScoreFormat::Json
        );
        assert!(ScoreFormat::resolve(Some(x), Some(ScoreFormat::Json))
            .unwrap_err()
            .to_string()
            .contains("矛盾"));
        assert!(ScoreFormat::resolve(None, Some(ScoreFormat::Xlsx)).is_err());
        assert_eq!(ScoreFormat::resolve(None, None).unwrap(), ScoreFormat::Text);
        assert!(ScoreFormat::resolve(Some(Path::new("a.doc")), None).is_err());
        assert_eq!(
            ScoreFormat::resolve(Some(Path::new("a.out")), Some(ScoreFormat::Json)).unwrap(),
            ScoreFormat::Json
        );
    }
}
