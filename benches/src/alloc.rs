//! A counting global allocator: allocations, reallocations, bytes and peak heap of one
//! operation.
//!
//! Install it with `#[global_allocator]` in a binary (the `report` binary does; the criterion
//! benches do not, so their timings carry no counting overhead), then wrap the operation in
//! [`measure`]. Counters are process-wide, so measure on one thread at a time.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static REALLOCS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// The system allocator, counting.
#[derive(Debug, Clone, Copy, Default)]
pub struct CountingAlloc;

fn grow(size: usize) {
    BYTES.fetch_add(size, Relaxed);
    let live = LIVE.fetch_add(size, Relaxed) + size;
    PEAK.fetch_max(live, Relaxed);
}

// The one unsafe block of the crate: a GlobalAlloc must be an `unsafe impl`. Each method
// forwards to `System` with the caller's arguments unchanged, so it upholds exactly the
// contract `System` does.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded as is; the caller upholds `GlobalAlloc::alloc`'s contract.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            ALLOCS.fetch_add(1, Relaxed);
            grow(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            ALLOCS.fetch_add(1, Relaxed);
            grow(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from this allocator (hence from `System`) with `layout`.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with `layout`; the caller upholds the rest.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            REALLOCS.fetch_add(1, Relaxed);
            LIVE.fetch_sub(layout.size(), Relaxed);
            grow(new_size);
        }
        new
    }
}

/// What one operation did to the heap.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HeapStats {
    /// Calls to `alloc` and `alloc_zeroed`.
    pub allocs: usize,
    /// Calls to `realloc` (a growing `Vec` or `String`).
    pub reallocs: usize,
    /// Bytes requested, reallocations counted at their new size.
    pub bytes: usize,
    /// The most heap live at once during the operation, above what was live before it.
    pub peak: usize,
}

impl HeapStats {
    /// Allocations and reallocations together.
    pub fn total(&self) -> usize {
        self.allocs + self.reallocs
    }
}

/// Runs `op` and counts its allocations; its result is dropped after the counting stops,
/// so the peak includes the result it built.
pub fn measure<R>(op: impl FnOnce() -> R) -> HeapStats {
    let live = LIVE.load(Relaxed);
    PEAK.store(live, Relaxed);
    let (allocs, reallocs, bytes) = (
        ALLOCS.load(Relaxed),
        REALLOCS.load(Relaxed),
        BYTES.load(Relaxed),
    );
    let result = std::hint::black_box(op());
    let stats = HeapStats {
        allocs: ALLOCS.load(Relaxed) - allocs,
        reallocs: REALLOCS.load(Relaxed) - reallocs,
        bytes: BYTES.load(Relaxed) - bytes,
        peak: PEAK.load(Relaxed).saturating_sub(live),
    };
    drop(result);
    stats
}
