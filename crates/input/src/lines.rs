//! Reading one line with a hard size limit: a line over the limit is
//! consumed to its newline without being held in memory.

use std::io::{self, BufRead, ErrorKind};

/// What [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// End of input: nothing was read.
    End,
    /// A line within the limit is in the buffer, without its `\n`.
    Fits,
    /// A line of `bytes` bytes (without its `\n`) was over the limit and
    /// skipped; the buffer holds its first `limit` bytes or so.
    TooLong {
        /// Its length.
        bytes: u64,
    },
}

/// Reads the next line into `buf` (cleared first), keeping at most about
/// `limit` bytes of it.
pub(crate) fn read_line(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: u64,
) -> io::Result<Line> {
    buf.clear();
    let mut bytes: u64 = 0;
    let mut any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        any = true;
        let (chunk, newline) = match available.iter().position(|&b| b == b'\n') {
            Some(at) => (&available[..at], true),
            None => (available, false),
        };
        let chunk_len = chunk.len();
        bytes += chunk_len as u64;
        // Keep bytes only while the line still fits; afterwards just count.
        if (buf.len() as u64) < limit.saturating_add(1) {
            buf.extend_from_slice(chunk);
        }
        reader.consume(chunk_len + usize::from(newline));
        if newline {
            break;
        }
    }
    Ok(if !any {
        Line::End
    } else if bytes > limit {
        Line::TooLong { bytes }
    } else {
        Line::Fits
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufReader, Read};

    fn lines(input: &[u8], limit: u64, capacity: usize) -> Vec<(Line, Vec<u8>)> {
        let mut reader = BufReader::with_capacity(capacity, input);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            match read_line(&mut reader, &mut buf, limit).unwrap() {
                Line::End => return out,
                line => out.push((line, buf.clone())),
            }
        }
    }

    #[test]
    fn splits_lines_across_buffer_refills() {
        for capacity in [1, 2, 3, 8, 1024] {
            let got = lines(b"one\n\ntwo\nthree", 10, capacity);
            assert_eq!(
                got,
                vec![
                    (Line::Fits, b"one".to_vec()),
                    (Line::Fits, b"".to_vec()),
                    (Line::Fits, b"two".to_vec()),
                    (Line::Fits, b"three".to_vec()),
                ],
                "capacity {capacity}"
            );
        }
    }

    #[test]
    fn long_line_is_skipped_to_its_newline_with_bounded_buffer() {
        let mut input = vec![b'x'; 100_000];
        input.extend_from_slice(b"\nafter\n");
        let got = lines(&input, 50, 64);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, Line::TooLong { bytes: 100_000 });
        assert!(got[0].1.len() <= 50 + 64, "kept {} bytes", got[0].1.len());
        assert_eq!(got[1], (Line::Fits, b"after".to_vec()));
    }

    #[test]
    fn line_exactly_at_the_limit_fits() {
        assert_eq!(
            lines(b"12345\n123456\n", 5, 4)
                .iter()
                .map(|l| &l.0)
                .collect::<Vec<_>>(),
            [&Line::Fits, &Line::TooLong { bytes: 6 }]
        );
    }

    #[test]
    fn read_errors_surface() {
        struct Failing;
        impl Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::new(
                    ErrorKind::InvalidData,
                    "corrupt deflate stream",
                ))
            }
        }
        let mut reader = BufReader::new(Failing);
        let err = read_line(&mut reader, &mut Vec::new(), 10).unwrap_err();
        assert_eq!(err.to_string(), "corrupt deflate stream");
    }
}
