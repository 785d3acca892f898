//! Reading documents: files, directories and standard input, decoded to
//! UTF-8 text (see [`decode`] for how the encoding is found) with a leading
//! BOM removed; HTML pages are reduced to their visible text (see [`html`]).
//! Offsets everywhere else are into that decoded (for HTML: extracted) text.

pub mod decode;
pub mod html;

use crate::hash::{HashMap, HashMapExt};
use std::io::Read;
use std::path::{Path, PathBuf};

use encoding_rs::Encoding;

use crate::document::Boilerplate;
use crate::error::{Error, Result};

pub use decode::encoding_for_label;

/// File extensions read from a directory (compared case-insensitively).
pub const EXTENSIONS: [&str; 4] = ["txt", "md", "html", "htm"];

/// The default of [`ReadOptions::max_doc_bytes`]: 64 MiB, a thousand times
/// a long article, and small enough to analyse in well under a minute.
pub const DEFAULT_MAX_DOC_BYTES: u64 = 64 << 20;

/// The default of [`ReadOptions::max_docs`].
pub const DEFAULT_MAX_DOCS: usize = 10_000;

/// One document as read, before any analysis.
#[derive(Clone, Debug)]
pub struct RawDocument {
    /// The document id: its file stem, `stdin` for `-`, a feed line's `id`.
    pub id: String,
    /// Where it came from, as the user named it.
    pub path: String,
    /// The text (UTF-8, BOM removed; for HTML the extracted visible text).
    pub text: String,
    /// The WHATWG name of the encoding it was read in (`UTF-8`,
    /// `windows-1252`, `UTF-16LE`, `KOI8-U` ...).
    pub encoding: &'static str,
    /// A language forced by the user or given by a feed line.
    pub language: Option<String>,
    /// Publication date or time (RFC 3339), when known.
    pub published: Option<String>,
    /// Spans of `text` already known not to be the story (page furniture of
    /// an HTML page), sorted; [`Document::analyze`] marks the paragraphs
    /// they cover with their reason.
    ///
    /// [`Document::analyze`]: crate::document::Document::analyze
    pub boilerplate: Vec<Boilerplate>,
}

impl Default for RawDocument {
    fn default() -> Self {
        RawDocument {
            id: String::new(),
            path: String::new(),
            text: String::new(),
            encoding: encoding_rs::UTF_8.name(),
            language: None,
            published: None,
            boilerplate: Vec::new(),
        }
    }
}

/// How inputs are read: a forced encoding and the limits.
#[derive(Clone, Copy, Debug)]
pub struct ReadOptions {
    /// Decode every input in this encoding instead of detecting one.
    pub encoding: Option<&'static Encoding>,
    /// The largest input (in bytes, before decoding) accepted.
    pub max_doc_bytes: u64,
    /// The most documents accepted in one run.
    pub max_docs: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            encoding: None,
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
            max_docs: DEFAULT_MAX_DOCS,
        }
    }
}

/// A byte count as users write it: `1000000`, `64K`, `64M`, `1G` (powers of
/// 1024; `KiB`, `MB` ... are read the same way).
pub fn parse_byte_size(value: &str) -> Result<u64> {
    let bad = || Error::BadOption {
        option: "--max-doc-bytes".into(),
        reason: format!("`{value}`: expected a byte count such as 1000000, 512K, 64M or 1G"),
    };
    let v = value.trim();
    let digits = v.find(|c: char| !c.is_ascii_digit()).unwrap_or(v.len());
    let number: u64 = v[..digits].parse().map_err(|_| bad())?;
    let unit = v[digits..].trim().to_ascii_lowercase();
    let shift = match unit.trim_end_matches('b').trim_end_matches('i') {
        "" => 0,
        "k" => 10,
        "m" => 20,
        "g" => 30,
        _ => return Err(bad()),
    };
    number.checked_mul(1 << shift).ok_or_else(bad)
}

/// Reads every input in order with the default options.
pub fn read_inputs(inputs: &[PathBuf]) -> Result<Vec<RawDocument>> {
    read_inputs_with(inputs, &ReadOptions::default())
}

/// Reads every input in order. A directory contributes its documents sorted
/// by file name; `-` reads standard input once.
pub fn read_inputs_with(inputs: &[PathBuf], options: &ReadOptions) -> Result<Vec<RawDocument>> {
    let mut docs: Vec<RawDocument> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for input in inputs {
        for doc in read_input(input, options, docs.len())? {
            if let Some(&first) = seen.get(&doc.id) {
                return Err(Error::DuplicateId {
                    path: PathBuf::from(&doc.path),
                    id: doc.id,
                    other: PathBuf::from(&docs[first].path),
                });
            }
            seen.insert(doc.id.clone(), docs.len());
            docs.push(doc);
        }
    }
    Ok(docs)
}

/// The documents of one input; `already` documents were read before it.
fn read_input(input: &Path, options: &ReadOptions, already: usize) -> Result<Vec<RawDocument>> {
    let too_many = |count: usize| {
        if already.saturating_add(count) > options.max_docs {
            Err(Error::TooManyDocuments {
                path: input.to_path_buf(),
                limit: options.max_docs,
            })
        } else {
            Ok(())
        }
    };
    if input.as_os_str() == "-" {
        too_many(1)?;
        let bytes = read_limited(std::io::stdin().lock(), input, options.max_doc_bytes)?;
        return Ok(vec![decode_document_with("stdin", input, bytes, options)?]);
    }
    let meta = std::fs::metadata(input).map_err(|source| Error::reading(input, source))?;
    if meta.is_dir() {
        let files = list_directory(input)?;
        if files.is_empty() {
            return Err(Error::EmptyDirectory {
                path: input.to_path_buf(),
            });
        }
        too_many(files.len())?;
        return files.iter().map(|f| read_file(f, options)).collect();
    }
    too_many(1)?;
    Ok(vec![read_file(input, options)?])
}

/// Reads at most `limit` bytes; one more is an error, so a huge or endless
/// input never fills memory.
fn read_limited(reader: impl Read, path: &Path, limit: u64) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| Error::reading(path, source))?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// The documents of a directory (not recursive), sorted by file name.
pub fn list_directory(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::reading(dir, source))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| Error::reading(dir, source))?;
        let path = entry.path();
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)));
        if wanted && path.is_file() {
            files.push(path);
        }
    }
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(files)
}

fn read_file(path: &Path, options: &ReadOptions) -> Result<RawDocument> {
    let size = std::fs::metadata(path)
        .map_err(|source| Error::reading(path, source))?
        .len();
    if size > options.max_doc_bytes {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size,
            limit: options.max_doc_bytes,
        });
    }
    let file = std::fs::File::open(path).map_err(|source| Error::reading(path, source))?;
    let bytes = read_limited(file, path, options.max_doc_bytes)?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    decode_document_with(&id, path, bytes, options)
}

/// [`decode_document_with`] with the default options.
pub fn decode_document(id: &str, path: &Path, bytes: Vec<u8>) -> Result<RawDocument> {
    decode_document_with(id, path, bytes, &ReadOptions::default())
}

/// Turns raw bytes into a document: decodes them (rejecting binary data and
/// undecodable bytes with the offset of the first bad byte), and reduces an
/// HTML page (`.html`/`.htm`, or a page without a `.txt`/`.md` extension
/// that starts like one) to its visible text and boilerplate spans.
pub fn decode_document_with(
    id: &str,
    path: &Path,
    bytes: Vec<u8>,
    options: &ReadOptions,
) -> Result<RawDocument> {
    if bytes.len() as u64 > options.max_doc_bytes {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: options.max_doc_bytes,
        });
    }
    let (text, encoding) = decode::decode(&bytes, options.encoding, path)?;
    drop(bytes);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let is_html = match ext.as_deref() {
        Some("html" | "htm") => true,
        Some("txt" | "md") => false,
        _ => html::sniff(&text),
    };
    let (text, boilerplate) = if is_html {
        let page = html::extract(&text);
        (page.text, page.boilerplate)
    } else {
        (text, Vec::new())
    };
    Ok(RawDocument {
        id: id.to_string(),
        path: path.display().to_string(),
        text,
        encoding: encoding.name(),
        language: None,
        published: None,
        boilerplate,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_removed_and_offsets_reported() {
        let doc = decode_document("a", Path::new("a.txt"), b"\xEF\xBB\xBFhello".to_vec()).unwrap();
        assert_eq!(doc.text, "hello");
        let mut damaged = "ok é è ".as_bytes().to_vec();
        damaged.extend_from_slice(b"\xFF no");
        let err = decode_document("a", Path::new("a.txt"), damaged).unwrap_err();
        assert!(matches!(err, Error::InvalidUtf8 { offset: 9, .. }), "{err}");
        let err = decode_document("a", Path::new("a.bin"), b"ab\0cd".to_vec()).unwrap_err();
        assert!(matches!(err, Error::Binary { offset: 2, .. }), "{err}");
    }

    #[test]
    fn directory_lists_documents_sorted() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.txt", "a.md", "c.HTML", "skip.json", "d.htm"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let names: Vec<String> = list_directory(dir.path())
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.md", "b.txt", "c.HTML", "d.htm"]);
    }

    #[test]
    fn html_is_extracted_by_extension_or_sniffing() {
        let page = b"<html><body><nav>Menu</nav><p>Story &amp; text.</p></body></html>".to_vec();
        let doc = decode_document("p", Path::new("p.html"), page.clone()).unwrap();
        assert_eq!(doc.text, "Menu\n\nStory & text.");
        assert_eq!(doc.boilerplate.len(), 1);
        assert_eq!(doc.encoding, "UTF-8");
        let sniffed = decode_document("stdin", Path::new("-"), page.clone()).unwrap();
        assert_eq!(sniffed.text, doc.text);
        let plain = decode_document("p", Path::new("p.txt"), page).unwrap();
        assert!(plain.text.starts_with("<html>"));
    }

    #[test]
    fn byte_sizes() {
        assert_eq!(parse_byte_size("1000").unwrap(), 1000);
        assert_eq!(parse_byte_size("64M").unwrap(), 64 << 20);
        assert_eq!(parse_byte_size("64MiB").unwrap(), 64 << 20);
        assert_eq!(parse_byte_size("2 kb").unwrap(), 2048);
        assert_eq!(parse_byte_size("1G").unwrap(), 1 << 30);
        for bad in [
            "",
            "M",
            "12X",
            "-1",
            "99999999999999999999",
            "99999999999999G",
        ] {
            assert!(parse_byte_size(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn legacy_html_page_is_decoded_then_extracted() {
        let page = "<html><head><meta charset=\"windows-1251\"></head><body>\
            <p>Міністр заявив, що переговори тривають.</p></body></html>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(page);
        let doc = decode_document("p", Path::new("p.htm"), bytes.into_owned()).unwrap();
        assert_eq!(doc.encoding, "windows-1251");
        assert_eq!(doc.text, "Міністр заявив, що переговори тривають.");
    }

    #[test]
    fn limits_are_typed_errors() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a.txt", "b.txt", "c.txt"] {
            std::fs::write(dir.path().join(name), "some text").unwrap();
        }
        let small = ReadOptions {
            max_doc_bytes: 4,
            ..ReadOptions::default()
        };
        let err = read_inputs_with(&[dir.path().to_path_buf()], &small).unwrap_err();
        assert!(
            matches!(
                err,
                Error::TooLarge {
                    size: 9,
                    limit: 4,
                    ..
                }
            ),
            "{err}"
        );
        let few = ReadOptions {
            max_docs: 2,
            ..ReadOptions::default()
        };
        let err = read_inputs_with(&[dir.path().to_path_buf()], &few).unwrap_err();
        assert!(
            matches!(err, Error::TooManyDocuments { limit: 2, .. }),
            "{err}"
        );
        let files: Vec<PathBuf> = ["a.txt", "b.txt", "c.txt"]
            .iter()
            .map(|f| dir.path().join(f))
            .collect();
        let err = read_inputs_with(&files, &few).unwrap_err();
        assert!(matches!(err, Error::TooManyDocuments { .. }), "{err}");
        let err = read_limited(&b"12345"[..], Path::new("-"), 4).unwrap_err();
        assert!(matches!(err, Error::TooLarge { size: 5, .. }), "{err}");
    }

    #[test]
    fn duplicate_ids_are_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        std::fs::write(dir.path().join("a.md"), "y").unwrap();
        let err = read_inputs(&[dir.path().to_path_buf()]).unwrap_err();
        assert!(matches!(err, Error::DuplicateId { .. }), "{err}");
    }
}
