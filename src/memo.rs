//! Per-thread memos of pure functions that hot loops call with the same
//! words again and again (stems, name keys, word features): a story repeats
//! its words, and a feed its names.

use std::cell::RefCell;
use std::hash::{BuildHasher, Hasher};
use std::thread::LocalKey;

/// Entries a memo holds before it starts afresh (bounds memory on feeds).
const LIMIT: usize = 50_000;

/// One memoised value and its key: the scope's eight bytes, then each part
/// after a control byte no word holds, so ("a", "b") and ("ab", "") differ.
struct Entry<V> {
    hash: u64,
    key: Box<[u8]>,
    value: V,
}

/// The table behind one memo (declare it with `thread_local!`). A lookup
/// hashes the key's parts where they are and compares them in place, so a
/// hit builds nothing.
pub struct Memo<V> {
    table: hashbrown::HashTable<Entry<V>>,
    state: foldhash::fast::RandomState,
}

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo {
            table: hashbrown::HashTable::new(),
            state: foldhash::fast::RandomState::default(),
        }
    }
}

/// A memo of string values.
pub type Table = RefCell<Memo<String>>;

impl<V> Memo<V> {
    fn hash(&self, scope: u64, parts: &[&str]) -> u64 {
        let mut h = self.state.build_hasher();
        h.write_u64(scope);
        for p in parts {
            h.write_u8(1);
            h.write(p.as_bytes());
        }
        h.finish()
    }
}

/// True when a stored key is the key of `scope` and `parts`.
fn same_key(key: &[u8], scope: u64, parts: &[&str]) -> bool {
    let Some(mut rest) = key.strip_prefix(&scope.to_le_bytes()[..]) else {
        return false;
    };
    for p in parts {
        let Some(after) = rest
            .strip_prefix(&[1u8][..])
            .and_then(|r| r.strip_prefix(p.as_bytes()))
        else {
            return false;
        };
        rest = after;
    }
    rest.is_empty()
}

fn make_key(scope: u64, parts: &[&str]) -> Box<[u8]> {
    let mut key = Vec::with_capacity(8 + parts.iter().map(|p| p.len() + 1).sum::<usize>());
    key.extend_from_slice(&scope.to_le_bytes());
    for p in parts {
        key.push(1);
        key.extend_from_slice(p.as_bytes());
    }
    key.into_boxed_slice()
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
    let (hash, hit) = table.with(|t| {
        let t = t.borrow();
        let hash = t.hash(scope, parts);
        let hit = t
            .table
            .find(hash, |e| e.hash == hash && same_key(&e.key, scope, parts))
            .map(|e| e.value.clone());
        (hash, hit)
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
        let entry = Entry {
            hash,
            key: make_key(scope, parts),
            value: v.clone(),
        };
        t.table.insert_unique(hash, entry, |e| e.hash);
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
        assert_eq!(get_or(&SQUARES, 0, &["a", "b"], || "again".into()), "ab");
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
