//! Bytes to text: BOMs, UTF-8, the Windows-1252 fallback, and the binary check.

/// What decoding made of a file's bytes.
#[derive(Debug, PartialEq, Eq)]
pub enum Decoded {
    Text {
        text: String,
        warning: Option<String>,
    },
    Rejected(String),
}

/// Decodes a whole file. A BOM is honoured (UTF-8, UTF-16 LE/BE); valid UTF-8 is taken as it
/// is; anything else is decoded as Windows-1252 with a warning. NUL bytes or mostly control
/// characters mean a binary file, which is rejected.
pub fn decode(bytes: &[u8]) -> Decoded {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Decoded::Rejected("empty file".into());
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode_utf8_or_fallback(rest);
    }
    for (bom, encoding) in [
        (&[0xFF, 0xFE][..], encoding_rs::UTF_16LE),
        (&[0xFE, 0xFF][..], encoding_rs::UTF_16BE),
    ] {
        if bytes.starts_with(bom) {
            let (text, _, had_errors) = encoding.decode(bytes);
            let warning =
                had_errors.then(|| format!("invalid {} sequences replaced", encoding.name()));
            return check_text(text.into_owned(), warning);
        }
    }
    if looks_binary(bytes) {
        return Decoded::Rejected("binary file (NUL bytes or mostly control characters)".into());
    }
    decode_utf8_or_fallback(bytes)
}

fn decode_utf8_or_fallback(bytes: &[u8]) -> Decoded {
    match std::str::from_utf8(bytes) {
        Ok(text) => check_text(text.to_owned(), None),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            check_text(
                text.into_owned(),
                Some("not valid UTF-8; decoded as Windows-1252".into()),
            )
        }
    }
}

fn check_text(text: String, warning: Option<String>) -> Decoded {
    if text.contains('\0') {
        return Decoded::Rejected("binary file (NUL characters)".into());
    }
    if text.trim().is_empty() {
        return Decoded::Rejected("empty file".into());
    }
    Decoded::Text { text, warning }
}

/// Binary: any NUL byte, or more than 30% control bytes (other than tab, newline, carriage
/// return and form feed) in the first 8 KiB.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.contains(&0) {
        return true;
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.is_empty() {
        return false;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    control * 10 > head.len() * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &[u8], expected: Result<&str, &str>) {
        match (decode(input), expected) {
            (Decoded::Text { text, .. }, Ok(want)) => assert_eq!(text, want),
            (Decoded::Rejected(why), Err(want)) => assert!(why.contains(want), "{why}"),
            (got, want) => panic!("{input:?}: got {got:?}, want {want:?}"),
        }
    }

    #[test]
    fn decodes_and_rejects() {
        check(b"plain text", Ok("plain text"));
        check(b"\xEF\xBB\xBFwith bom", Ok("with bom"));
        check(b"\xFF\xFEh\x00i\x00", Ok("hi"));
        check(b"\xFE\xFF\x00h\x00i", Ok("hi"));
        check(
            b"caf\xE9 \x93quoted\x94",
            Ok("caf\u{e9} \u{201c}quoted\u{201d}"),
        );
        check(b"", Err("empty"));
        check(b"  \n\t ", Err("empty"));
        check(b"abc\x00def", Err("binary"));
        check(b"\x01\x02\x03\x04\x05abc", Err("binary"));
    }

    #[test]
    fn windows_1252_fallback_warns() {
        match decode(b"caf\xE9") {
            Decoded::Text { warning, .. } => assert!(warning.unwrap_or_default().contains("1252")),
            other => panic!("{other:?}"),
        }
    }
}
