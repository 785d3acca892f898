//! Embeds every file under `lexicons/` into the library, so the binary carries
//! its word lists and a new lexicon file needs no code change to be shipped.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn collect(dir: &Path, root: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("lexicons/ is readable")
        .map(|e| e.expect("lexicon entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, root, out);
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("txt")) {
            let rel = path.strip_prefix(root).expect("under root");
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

fn main() {
    let root = Path::new("lexicons");
    println!("cargo:rerun-if-changed=lexicons");
    let mut files = Vec::new();
    collect(root, root, &mut files);
    let mut code =
        String::from("/// Every lexicon file shipped in the binary: (relative path, contents).\n");
    code.push_str("pub(crate) static EMBEDDED: &[(&str, &str)] = &[\n");
    for rel in &files {
        println!("cargo:rerun-if-changed=lexicons/{rel}");
        writeln!(
            code,
            "    ({rel:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/lexicons/{rel}\"))),"
        )
        .expect("write to string");
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("embedded_lexicons.rs");
    fs::write(out, code).expect("write embedded_lexicons.rs");
}
