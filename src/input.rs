//! Reading documents: files, directories and standard input, as UTF-8 text
//! with a leading BOM removed. Offsets everywhere else are into that text.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// File extensions read from a directory (compared case-insensitively).
pub const EXTENSIONS: [&str; 4] = ["txt", "md", "html", "htm"];

/// One document as read, before any analysis.
#[derive(Clone, Debug, Default)]
pub struct RawDocument {
    /// The document id: its file stem, `stdin` for `-`, a feed line's `id`.
    pub id: String,
    /// Where it came from, as the user named it.
    pub path: String,
    /// The text (UTF-8, BOM removed).
    pub text: String,
    /// The encoding it was read in.
    pub encoding: &'static str,
    /// A language forced by the user or given by a feed line.
    pub language: Option<String>,
    /// Publication date or time (RFC 3339), when known.
    pub published: Option<String>,
}

/// Reads every input in order. A directory contributes its documents sorted
/// by file name; `-` reads standard input once.
pub fn read_inputs(inputs: &[PathBuf]) -> Result<Vec<RawDocument>> {
    let mut docs: Vec<RawDocument> = Vec::new();
    for input in inputs {
        for doc in read_input(input)? {
            if let Some(first) = docs.iter().find(|d| d.id == doc.id) {
                return Err(Error::DuplicateId {
                    path: PathBuf::from(&doc.path),
                    id: doc.id,
                    other: PathBuf::from(&first.path),
                });
            }
            docs.push(doc);
        }
    }
    Ok(docs)
}

fn read_input(input: &Path) -> Result<Vec<RawDocument>> {
    if input.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|source| Error::Unreadable {
                path: input.to_path_buf(),
                source,
            })?;
        return Ok(vec![decode_document("stdin", input, bytes)?]);
    }
    let meta = std::fs::metadata(input).map_err(|source| io_error(input, source))?;
    if meta.is_dir() {
        let files = list_directory(input)?;
        if files.is_empty() {
            return Err(Error::EmptyDirectory {
                path: input.to_path_buf(),
            });
        }
        return files.iter().map(|f| read_file(f)).collect();
    }
    Ok(vec![read_file(input)?])
}

fn io_error(path: &Path, source: std::io::Error) -> Error {
    if source.kind() == std::io::ErrorKind::NotFound {
        Error::NotFound {
            path: path.to_path_buf(),
        }
    } else {
        Error::Unreadable {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// The documents of a directory (not recursive), sorted by file name.
pub fn list_directory(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|source| io_error(dir, source))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| io_error(dir, source))?;
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

fn read_file(path: &Path) -> Result<RawDocument> {
    let bytes = std::fs::read(path).map_err(|source| io_error(path, source))?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    decode_document(&id, path, bytes)
}

/// Turns raw bytes into a document: removes a UTF-8 BOM, rejects binary data
/// and invalid UTF-8 with the offset of the first bad byte.
pub fn decode_document(id: &str, path: &Path, mut bytes: Vec<u8>) -> Result<RawDocument> {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    bytes.drain(..bom);
    let text = String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to() + bom,
    })?;
    Ok(RawDocument {
        id: id.to_string(),
        path: path.display().to_string(),
        text,
        encoding: "utf-8",
        language: None,
        published: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_removed_and_offsets_reported() {
        let doc = decode_document("a", Path::new("a.txt"), b"\xEF\xBB\xBFhello".to_vec()).unwrap();
        assert_eq!(doc.text, "hello");
        let err = decode_document("a", Path::new("a.txt"), b"ok \xFF no".to_vec()).unwrap_err();
        assert!(matches!(err, Error::InvalidUtf8 { offset: 3, .. }), "{err}");
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
    fn duplicate_ids_are_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        std::fs::write(dir.path().join("a.md"), "y").unwrap();
        let err = read_inputs(&[dir.path().to_path_buf()]).unwrap_err();
        assert!(matches!(err, Error::DuplicateId { .. }), "{err}");
    }
}
