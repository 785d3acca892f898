//! Per-thread memos of pure string functions that hot loops call with the
//! same words again and again (stems, name keys): a story repeats its words,
//! and a feed its names.

use crate::hash::HashMap;
use std::cell::RefCell;
use std::thread::LocalKey;

/// Entries a memo holds before it starts afresh (bounds memory on feeds).
const LIMIT: usize = 50_000;

/// The table behind one memo (declare it with `thread_local!`).
pub type Table = RefCell<HashMap<String, String>>;

/// The value of `compute` for `key`, computed once per thread.
pub fn get_or(
    table: &'static LocalKey<Table>,
    key: &str,
    compute: impl FnOnce() -> String,
) -> String {
    if let Some(v) = table.with(|t| t.borrow().get(key).cloned()) {
        return v;
    }
    let v = compute();
    table.with(|t| {
        let mut t = t.borrow_mut();
        if t.len() >= LIMIT {
            t.clear();
        }
        t.insert(key.to_string(), v.clone());
    });
    v
}

/// A memo key from its parts, separated by a control character no word
/// holds.
pub fn key(parts: &[&str]) -> String {
    let mut k = String::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
    for p in parts {
        k.push_str(p);
        k.push('\u{1}');
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static SQUARES: Table = RefCell::default();
    }

    #[test]
    fn computes_once_per_key() {
        let mut calls = 0;
        for _ in 0..3 {
            let v = get_or(&SQUARES, &key(&["a", "b"]), || {
                calls += 1;
                "ab".into()
            });
            assert_eq!(v, "ab");
        }
        assert_eq!(calls, 1);
        // Parts are kept apart: ("a", "b") is not ("ab", "").
        let v = get_or(&SQUARES, &key(&["ab", ""]), || "other".into());
        assert_eq!(v, "other");
    }
}
