//! The ZIP container of a DOCX file: its parts stored uncompressed (the `stored` method, which
//! Open Packaging Conventions readers accept), each with its CRC-32, then the central
//! directory. Written straight into one buffer, without a step that can fail: an entry's data
//! is written in place and its header patched with its size and checksum afterwards.
//!
//! Sizes and offsets are 32-bit (no ZIP64): a report comes from an audit read within
//! [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES) (64 MiB), and its parts stay far below 4 GiB.

/// The fixed date of every entry, 1980-01-01 at 00:00 (MS-DOS format), so that the same
/// report gives the same bytes.
const DOS_DATE: u16 = (1 << 5) | 1;

/// Bit 11 of the general-purpose flags: names are UTF-8.
const UTF8_NAMES: u16 = 1 << 11;

/// One entry already written: what the central directory repeats of it.
struct Entry {
    name: &'static str,
    offset: u32,
    crc: u32,
    size: u32,
}

/// A ZIP archive being written.
pub(super) struct Package {
    bytes: Vec<u8>,
    entries: Vec<Entry>,
}

fn push_u16(out: &mut Vec<u8>, n: u16) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn push_u32(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(&n.to_le_bytes());
}

/// `n` as a 32-bit size or offset (see the [module docs](self)).
fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Package {
    /// An empty archive with room for `capacity` bytes.
    pub(super) fn with_capacity(capacity: usize) -> Package {
        Package {
            bytes: Vec::with_capacity(capacity),
            entries: Vec::with_capacity(12),
        }
    }

    /// Adds the entry `name`, whose data `write` appends to the buffer it is given.
    pub(super) fn entry(&mut self, name: &'static str, write: impl FnOnce(&mut Vec<u8>)) {
        let offset = self.bytes.len();
        let out = &mut self.bytes;
        push_u32(out, 0x0403_4b50);
        push_u16(out, 20);
        push_u16(out, UTF8_NAMES);
        push_u16(out, 0); // stored
        push_u16(out, 0);
        push_u16(out, DOS_DATE);
        let patch = out.len();
        push_u32(out, 0); // CRC-32, patched below
        push_u32(out, 0); // compressed size
        push_u32(out, 0); // size
        push_u16(out, u16::try_from(name.len()).unwrap_or(u16::MAX));
        push_u16(out, 0);
        out.extend_from_slice(name.as_bytes());
        let start = out.len();
        write(out);
        let data = out.get(start..).unwrap_or_default();
        let crc = crc32fast::hash(data);
        let size = u32_of(data.len());
        let mut fields = [0_u8; 12];
        let (c, rest) = fields.split_at_mut(4);
        let (s1, s2) = rest.split_at_mut(4);
        c.copy_from_slice(&crc.to_le_bytes());
        s1.copy_from_slice(&size.to_le_bytes());
        s2.copy_from_slice(&size.to_le_bytes());
        if let Some(slot) = out.get_mut(patch..patch + 12) {
            slot.copy_from_slice(&fields);
        }
        self.entries.push(Entry {
            name,
            offset: u32_of(offset),
            crc,
            size,
        });
    }

    /// Adds the entry `name` holding `text`.
    pub(super) fn text(&mut self, name: &'static str, text: &str) {
        self.entry(name, |out| out.extend_from_slice(text.as_bytes()));
    }

    /// The archive: its entries, then the central directory and its end record.
    pub(super) fn finish(mut self) -> Vec<u8> {
        let start = self.bytes.len();
        let out = &mut self.bytes;
        for e in &self.entries {
            push_u32(out, 0x0201_4b50);
            push_u16(out, 20);
            push_u16(out, 20);
            push_u16(out, UTF8_NAMES);
            push_u16(out, 0);
            push_u16(out, 0);
            push_u16(out, DOS_DATE);
            push_u32(out, e.crc);
            push_u32(out, e.size);
            push_u32(out, e.size);
            push_u16(out, u16::try_from(e.name.len()).unwrap_or(u16::MAX));
            push_u16(out, 0);
            push_u16(out, 0);
            push_u16(out, 0);
            push_u16(out, 0);
            push_u32(out, 0);
            push_u32(out, e.offset);
            out.extend_from_slice(e.name.as_bytes());
        }
        let size = u32_of(out.len() - start);
        let count = u16::try_from(self.entries.len()).unwrap_or(u16::MAX);
        push_u32(out, 0x0605_4b50);
        push_u16(out, 0);
        push_u16(out, 0);
        push_u16(out, count);
        push_u16(out, count);
        push_u32(out, size);
        push_u32(out, u32_of(start));
        push_u16(out, 0);
        self.bytes
    }
}
