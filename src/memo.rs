//! Per-thread memos of pure functions that hot loops call with the same
//! words again and again (stems, name keys, word features): a story repeats
//! its words, and a feed its names.

use std::cell::RefCell;
use std::thread::LocalKey;

use crate::hash::HashMap;

/// Entries a memo holds before it starts afresh (bounds memory on feeds).
const LIMIT: usize = 50_000;

/// The table behind one memo (declare it with `thread_local!`).
pub struct Memo<V> {
    table: HashMap<Box<[u8]>, V>,
    /// The key being looked up, built in place so a hit allocates nothing.
    key: Vec<u8>,
}

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo {
            table: HashMap::default(),
            key: Vec::new(),
        }
    }
}

/// A memo of string values.
pub type Table = RefCell<Memo<String>>;

/// Writes the key of `scope` and `parts` into `key`: the scope's eight
/// bytes, then the parts, each after a control byte no word holds, so
/// ("a", "b") and ("ab", "") are different keys.
fn make_key(key: &mut Vec<u8>, scope: u64, parts: &[&str]) {
    key.clear();
    key.extend_from_slice(&scope.to_le_bytes());
    for p in parts {
        key.push(1);
        key.extend_from_slice(p.as_bytes());
    }
}

/// The value of `compute` for the key made of `scope` (the id of the
/// lexicons the value depends on, 0 for none) and `parts`, computed once
/// per thread.
pub fn get_or<V: Clone>(
    table: &'static LocalKey<RefCell<Memo<V>>>,
    scope: u64,
    parts: &[&str],
    compute: impl FnOnce() -> V,
) -> V {
    let hit = table.with(|t| {
        let mut t = t.borrow_mut();
        let Memo { table, key } = &mut *t;
        make_key(key, scope, parts);
        table.get(key.as_slice()).cloned()
    });
    if let Some(v) = hit {
        return v;
    }
    // Computed outside the borrow: `compute` may use other memos, or this one.
    let v = compute();
    table.with(|t| {
        let mut t = t.borrow_mut();
        if t.table.len() >= LIMIT {
            t.table.clear();
        }
        let mut key = Vec::new();
        make_key(&mut key, scope, parts);
        t.table.insert(key.into_boxed_slice(), v.clone());
    });
    v
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
            let v = get_or(&SQUARES, 0, &["a", "b"], || {
                calls += 1;
                "ab".into()
            });
            assert_eq!(v, "ab");
        }
        assert_eq!(calls, 1);
        // Parts are kept apart: ("a", "b") is not ("ab", "").
        let v = get_or(&SQUARES, 0, &["ab", ""], || "other".into());
        assert_eq!(v, "other");
        // So is the scope.
        let v = get_or(&SQUARES, 1, &["a", "b"], || "scoped".into());
        assert_eq!(v, "scoped");
    }

    #[test]
    fn a_full_memo_starts_afresh() {
        for i in 0..LIMIT + 10 {
            let k = i.to_string();
            assert_eq!(get_or(&SQUARES, 0, &["n", &k], || k.clone()), k);
        }
        assert!(SQUARES.with(|t| t.borrow().table.len()) <= LIMIT);
    }
}
