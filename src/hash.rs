//! Hash maps and sets with a fast seeded hasher (foldhash): the keys are
//! mostly short words, and SipHash was a tenth of a feed's time.

pub use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
