//! A writer into a [`super::Stream`]'s output: serialisers write bytes, the output takes text.

use super::FLUSH_AT;
use std::io::Write;

/// What a part is written into: a buffer in front of [`Chunks`] (a concrete type, so that a
/// serialiser's many small writes are inlined).
pub type Gathered<'b, 'a, W> = std::io::BufWriter<&'b mut Chunks<'a, W>>;

/// Bytes written into a [`super::Stream`]'s output as they come, handed on in whole characters.
pub struct Chunks<'a, W> {
    pending: Vec<u8>,
    write: &'a mut W,
    /// Why the output failed, when it did (returned instead of the I/O error made of it).
    failed: Option<crate::Error>,
}

impl<W> std::fmt::Debug for Chunks<'_, W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Chunks")
            .field("pending", &self.pending.len())
            .finish_non_exhaustive()
    }
}

impl<'a, W: FnMut(&str) -> Result<(), crate::Error>> Chunks<'a, W> {
    /// Runs `write_part` on chunks handed to `write`; the output's own error when it failed.
    /// Serialisers write token by token: the writes are gathered [`FLUSH_AT`] at a time first.
    pub(super) fn write_through(
        write: &'a mut W,
        write_part: impl FnOnce(&mut Gathered<'_, 'a, W>) -> std::io::Result<()>,
    ) -> Result<(), crate::Error> {
        let mut chunks = Chunks {
            pending: Vec::new(),
            write,
            failed: None,
        };
        let written = {
            let mut gathered = std::io::BufWriter::with_capacity(FLUSH_AT, &mut chunks);
            write_part(&mut gathered).and_then(|()| gathered.flush())
        };
        let written = written.and_then(|()| chunks.pass(true));
        if let Some(e) = chunks.failed.take() {
            return Err(e);
        }
        written.map_err(|e| crate::Error::Stdout(e.to_string()))
    }

    /// Hands on the whole characters pending (`all`: every byte, which must end a character).
    fn pass(&mut self, all: bool) -> std::io::Result<()> {
        let Chunks {
            pending,
            write,
            failed,
        } = self;
        // The output is checked once more on its way out: by SIMD when it is whole text, else
        // by the standard library, which says where a character was cut.
        let checked = match simdutf8::basic::from_utf8(pending) {
            Ok(text) => Ok(text),
            Err(_) => std::str::from_utf8(pending),
        };
        let text = match checked {
            Ok(text) => text,
            // A character cut at the end of what came so far: the rest comes next.
            Err(e) if !all && e.error_len().is_none() => {
                std::str::from_utf8(&pending[..e.valid_up_to()]).unwrap_or_default()
            }
            Err(e) => {
                return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, e));
            }
        };
        let n = text.len();
        if n == 0 {
            return Ok(());
        }
        if let Err(e) = write(text) {
            *failed = Some(e);
            return Err(std::io::Error::other("输出失败"));
        }
        pending.drain(..n);
        Ok(())
    }
}

impl<W: FnMut(&str) -> Result<(), crate::Error>> Write for Chunks<'_, W> {
    /// Bytes come gathered (`write_through`): each write is handed on, but for a character it
    /// cut, which waits for the next.
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(bytes);
        self.pass(false)?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Chunks;
    use std::io::Write;

    #[test]
    fn characters_cut_between_writes_are_handed_on_whole() {
        let text = "表三（六）2：申请人逾期未按收费通知要求缴纳费用".repeat(5_000);
        let mut got = String::new();
        let mut sizes = Vec::new();
        let mut write = |t: &str| {
            got.push_str(t);
            sizes.push(t.len());
            Ok(())
        };
        Chunks::write_through(&mut write, |out| {
            // Seven bytes at a time: most writes end inside a character.
            text.as_bytes().chunks(7).try_for_each(|b| out.write_all(b))
        })
        .expect("written");
        assert_eq!(got, text);
        // In pieces of about FLUSH_AT as they fill, not held until the end.
        assert!(sizes.len() > 2, "{sizes:?}");
        assert!(
            sizes.iter().all(|&n| n > 0 && n < 2 * super::FLUSH_AT),
            "{sizes:?}"
        );
    }

    #[test]
    fn the_outputs_own_error_is_returned() {
        let mut write = |_: &str| Err(crate::Error::Stdout("管道已关闭".into()));
        let e = Chunks::write_through(&mut write, |out| out.write_all(b"{}"))
            .expect_err("the output failed");
        assert!(e.to_string().contains("管道已关闭"), "{e}");
    }

    #[test]
    fn bytes_that_are_no_text_are_refused() {
        let mut write = |_: &str| Ok(());
        let e = Chunks::write_through(&mut write, |out| out.write_all(&[0xe8, 0xa1]))
            .expect_err("a cut character at the end");
        assert!(e.to_string().contains("无法输出"), "{e}");
    }
}
