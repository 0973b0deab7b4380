//! The live heap of the test process, to show a streamed download never holds its object.
//!
//! Only `alloc` and `dealloc` are counted: `GlobalAlloc`'s provided `realloc` and
//! `alloc_zeroed` go through them, so every byte is seen (at some speed cost, which a test
//! does not mind). The server thread allocates too; its pieces are small and reused.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

struct Counting;

#[global_allocator]
static COUNTING: Counting = Counting;

// A global allocator is an `unsafe impl`; both methods hand the caller's arguments to
// `System` unchanged, so they keep exactly its contract.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded as is; the caller upholds `alloc`'s contract.
        let block = unsafe { System.alloc(layout) };
        if !block.is_null() {
            let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(live, Relaxed);
        }
        block
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        // SAFETY: `block` came from `alloc` above, that is from `System`, with `layout`.
        unsafe { System.dealloc(block, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }
}

/// The most heap live at once since [`Watch::start`], above what was live then.
pub(crate) struct Watch {
    base: usize,
}

impl Watch {
    pub(crate) fn start() -> Watch {
        let base = LIVE.load(Relaxed);
        PEAK.store(base, Relaxed);
        Watch { base }
    }

    pub(crate) fn peak(&self) -> usize {
        PEAK.load(Relaxed).saturating_sub(self.base)
    }
}
