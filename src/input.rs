//! Reading inputs within a size limit: every loader goes through here.

use std::io::Read as _;
use std::path::Path;

use crate::Error;

/// The largest input, in bytes, that the loaders accept: 64 MiB. A real audit is a few tens of
/// kilobytes; the limit keeps a wrong file from exhausting memory.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Refuses a text longer than [`MAX_INPUT_BYTES`].
pub(crate) fn check_size(len: usize) -> Result<(), Error> {
    let size = u64::try_from(len).unwrap_or(u64::MAX);
    if size > MAX_INPUT_BYTES {
        Err(Error::TooLarge {
            size,
            limit: MAX_INPUT_BYTES,
        })
    } else {
        Ok(())
    }
}

/// Reads a UTF-8 text file within [`MAX_INPUT_BYTES`].
pub(crate) fn read_input(path: &Path) -> Result<String, Error> {
    let bytes = read_input_bytes(path)?;
    String::from_utf8(bytes).map_err(|e| {
        Error::in_file(
            path,
            Error::NotUtf8 {
                offset: e.utf8_error().valid_up_to(),
            },
        )
    })
}

/// `bytes` as UTF-8 text, a leading byte-order mark skipped.
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, Error> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        offset: e.valid_up_to(),
    })
}

/// Reads `reader` to its end within [`MAX_INPUT_BYTES`], refusing one byte more; `path` names
/// the source in errors.
pub(crate) fn read_bounded(reader: impl std::io::Read, path: &Path) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::read(path, e))?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            size: read,
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(bytes)
}

/// Reads a file's bytes within [`MAX_INPUT_BYTES`]: a regular file above the limit is refused
/// before reading, and any other source (a device, a pipe) is read through a bounded reader and
/// refused as soon as it passes the limit.
pub(crate) fn read_input_bytes(path: &Path) -> Result<Vec<u8>, Error> {
    let file = std::fs::File::open(path).map_err(|e| Error::read(path, e))?;
    let known = file.metadata().ok().filter(std::fs::Metadata::is_file);
    if let Some(meta) = &known {
        if meta.len() > MAX_INPUT_BYTES {
            return Err(too_large(path, meta.len()));
        }
    }
    read_bounded(file, path).map_err(|e| match e {
        Error::TooLarge { size, .. } => too_large(path, size),
        other => other,
    })
}

fn too_large(path: &Path, size: u64) -> Error {
    Error::in_file(
        path,
        Error::TooLarge {
            size,
            limit: MAX_INPUT_BYTES,
        },
    )
}
