//! Typed errors of the library. The binary turns them into one-line messages
//! and exit status 2.

use std::path::PathBuf;

/// Everything that can go wrong before a report exists.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A named input does not exist.
    #[error("{path}: no such file or directory")]
    NotFound {
        /// The input as the user gave it.
        path: PathBuf,
    },
    /// An input exists but could not be read.
    #[error("{path}: cannot read: {source}")]
    Unreadable {
        /// The input as the user gave it.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// A directory holds no document with a supported extension.
    #[error("{path}: directory holds no .txt, .md, .html or .htm document")]
    EmptyDirectory {
        /// The directory.
        path: PathBuf,
    },
    /// The bytes are not UTF-8 and no other encoding was detected or forced.
    #[error("{path}: not valid UTF-8: first bad byte at offset {offset}")]
    InvalidUtf8 {
        /// The input.
        path: PathBuf,
        /// Byte offset of the first invalid byte (after a removed BOM).
        offset: usize,
    },
    /// The bytes are neither UTF-8 nor plausibly any legacy encoding.
    #[error(
        "{path}: not valid UTF-8 (first bad byte at offset {offset}) and no other encoding \
         fits; name one with --encoding"
    )]
    Undecodable {
        /// The input.
        path: PathBuf,
        /// Byte offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// The bytes are not valid in the encoding they were read in (forced
    /// with `--encoding`, or given by a byte-order mark).
    #[error("{path}: not valid {encoding}: malformed bytes at offset {offset}")]
    Malformed {
        /// The input.
        path: PathBuf,
        /// The encoding's WHATWG name.
        encoding: &'static str,
        /// File offset of the first malformed byte.
        offset: usize,
    },
    /// A document is larger than `--max-doc-bytes` allows.
    #[error(
        "{path}: {size} bytes is more than the limit of {limit} bytes (raise it with --max-doc-bytes)"
    )]
    TooLarge {
        /// The input.
        path: PathBuf,
        /// Its size in bytes (for standard input: the bytes read before stopping).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The inputs hold more documents than `--max-docs` allows.
    #[error("{path}: more than the limit of {limit} documents (raise it with --max-docs)")]
    TooManyDocuments {
        /// The input that went over the limit.
        path: PathBuf,
        /// The limit.
        limit: usize,
    },
    /// The input looks like a binary file, not text.
    #[error("{path}: looks like a binary file (NUL byte at offset {offset}), not text")]
    Binary {
        /// The input.
        path: PathBuf,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// Two inputs would have the same document id.
    #[error("{path}: document id `{id}` is already used by {other}")]
    DuplicateId {
        /// The second input with that id.
        path: PathBuf,
        /// The id both would get.
        id: String,
        /// The first input with that id.
        other: PathBuf,
    },
    /// `check` needs at least two versions to compare.
    #[error("check needs at least two documents to compare, got {found}{hint}")]
    TooFewDocuments {
        /// How many documents were read.
        found: usize,
        /// Extra advice for the user (may be empty).
        hint: String,
    },
    /// A `--language`, `--reference` or similar option names no document.
    #[error("{option}: no document has the id `{id}` (documents: {known})")]
    UnknownDocument {
        /// The option that named it.
        option: String,
        /// The id given.
        id: String,
        /// The ids that exist, comma-separated.
        known: String,
    },
    /// An option value has the wrong form.
    #[error("{option}: {reason}")]
    BadOption {
        /// The option.
        option: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A lexicon file could not be parsed.
    #[error("lexicon {file}:{line}: {reason}")]
    Lexicon {
        /// The lexicon file (relative to the lexicon root, or a user path).
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// A user lexicon directory could not be read.
    #[error("{path}: cannot read lexicon directory: {source}")]
    LexiconDir {
        /// The directory.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// Output could not be written (a closed pipe, a full disk).
    #[error("cannot write output: {source}")]
    Output {
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// A configuration file (`driftcheck.toml`) cannot be read or holds a
    /// key or value driftcheck does not know.
    #[error("{path}: {reason}")]
    Config {
        /// The configuration file.
        path: PathBuf,
        /// What is wrong, with the line and column where known.
        reason: String,
    },
    /// A baseline file is not a driftcheck baseline, or is damaged.
    #[error("{path}: not a driftcheck baseline: {reason}")]
    Baseline {
        /// The baseline file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
}

impl Error {
    /// The error of a failed read of `path`: [`Error::NotFound`] when it
    /// does not exist, else [`Error::Unreadable`].
    pub fn reading(path: &std::path::Path, source: std::io::Error) -> Error {
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
}

/// Library result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
