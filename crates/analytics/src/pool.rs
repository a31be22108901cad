//! A small pool of large `f64` buffers. A year of a big data set allocates a dozen matrices
//! of regions x industries; handing them back when a year's results are dropped spares the
//! operating system's page faults on fresh memory for every further year. Only big buffers
//! are pooled, at most 16 of them; [`release_buffers`] empties the pool.

use std::sync::Mutex;

/// Only buffers at least this long are pooled (small ones are cheap to allocate).
const MIN_LEN: usize = 1 << 20;
/// At most this many buffers are kept.
const MAX_KEPT: usize = 16;

static POOL: Mutex<Vec<Vec<f64>>> = Mutex::new(Vec::new());

/// A vector of `len` copies of `fill`, reusing a pooled buffer when one is large enough.
pub fn take(len: usize, fill: f64) -> Vec<f64> {
    if len >= MIN_LEN
        && let Ok(mut pool) = POOL.lock()
        && let Some(k) = pool
            .iter()
            .position(|v| v.capacity() >= len && v.capacity() <= len * 2)
    {
        let mut v = pool.swap_remove(k);
        drop(pool);
        v.clear();
        v.resize(len, fill);
        return v;
    }
    vec![fill; len]
}

/// Give a buffer back.
pub fn give(v: Vec<f64>) {
    if v.capacity() >= MIN_LEN
        && let Ok(mut pool) = POOL.lock()
        && pool.len() < MAX_KEPT
    {
        pool.push(v);
    }
}

/// Free the pooled memory (e.g. after a large analysis in a long-running server).
pub fn release_buffers() {
    if let Ok(mut pool) = POOL.lock() {
        pool.clear();
        pool.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reuses_and_refills() {
        let mut v = super::take(1 << 20, 1.0);
        v[0] = 5.0;
        let p = v.as_ptr();
        super::give(v);
        let w = super::take(1 << 20, f64::NAN);
        assert!(w.iter().all(|x| x.is_nan()));
        // usually the same allocation (another test thread may have taken it)
        let _ = p == w.as_ptr();
        super::release_buffers();
    }
}
