//! The modules' allocator: size classes of powers of two, each with its own free list,
//! carved from linear memory as it grows. Several hundred bytes of code where dlmalloc
//! costs about 7.5 KB per module (measured with twiggy), and flat memory under the
//! library's workloads: a freed block is reused by the next request of its class, so a
//! queue that keeps taking and releasing events of similar sizes never grows the heap.
//!
//! Trade-off: a block is up to twice its request, and blocks never merge; the module's
//! allocations are small and recurring (events, messages, schema nodes), which is where
//! size classes do well. [`Heap`] is generic over [`Memory`] so the logic is tested
//! natively; on wasm32 [`SizeClasses`] is the global allocator of the shipped modules.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;

/// Blocks are aligned to their size up to this; larger alignments bypass reuse.
const MAX_REUSE_ALIGN: usize = 16;
const MIN_BLOCK: usize = 8;
const PAGE: usize = 65_536;

/// Where the heap's bytes come from.
pub trait Memory {
    /// The current end of memory, in bytes.
    fn end(&mut self) -> usize;
    /// Grows memory by `pages` of 64 KiB; false when it cannot.
    fn grow(&mut self, pages: usize) -> bool;
    /// Reads or writes the free list's link stored in a free block.
    fn link(&mut self, block: usize) -> &mut usize;
    /// Copies `len` bytes between two distinct live blocks.
    fn copy(&mut self, from: usize, to: usize, len: usize);
}

pub struct Heap<M: Memory> {
    memory: M,
    /// The next unused byte, and the end of what memory has given.
    top: usize,
    end: usize,
    /// The first free block of each class (0: none); each links to the next.
    free: [usize; 32],
}

impl<M: Memory> Heap<M> {
    pub const fn new(memory: M) -> Self {
        Heap {
            memory,
            top: 0,
            end: 0,
            free: [0; 32],
        }
    }

    /// The block size and class for a request, or `None` when it cannot be served.
    fn class(layout: Layout) -> Option<(usize, usize)> {
        let size = layout.size().max(layout.align()).max(MIN_BLOCK);
        let size = size.checked_next_power_of_two()?;
        let class = size.trailing_zeros() as usize;
        (class < 32).then_some((size, class))
    }

    pub fn alloc(&mut self, layout: Layout) -> *mut u8 {
        let Some((size, class)) = Self::class(layout) else {
            return core::ptr::null_mut();
        };
        let reuse = layout.align() <= MAX_REUSE_ALIGN;
        if reuse && self.free[class] != 0 {
            let block = self.free[class];
            self.free[class] = *self.memory.link(block);
            return block as *mut u8;
        }
        self.carve(size, layout.align().max(size.min(MAX_REUSE_ALIGN)))
    }

    /// A new block from the top of the heap, growing memory when needed.
    fn carve(&mut self, size: usize, align: usize) -> *mut u8 {
        if self.end == 0 {
            self.end = self.memory.end();
            self.top = self.end;
        }
        let Some(start) = self.top.checked_add(align - 1).map(|t| t & !(align - 1)) else {
            return core::ptr::null_mut();
        };
        let Some(stop) = start.checked_add(size) else {
            return core::ptr::null_mut();
        };
        if stop > self.end {
            let pages = (stop - self.end).div_ceil(PAGE);
            if !self.memory.grow(pages) {
                return core::ptr::null_mut();
            }
            self.end += pages * PAGE;
        }
        self.top = stop;
        start as *mut u8
    }

    pub fn dealloc(&mut self, ptr: *mut u8, layout: Layout) {
        // A block carved for an alignment above MAX_REUSE_ALIGN may sit at any address of
        // its class, so only the ones every request of the class can use go back.
        if let Some((_, class)) = Self::class(layout) {
            let block = ptr as usize;
            if layout.align() <= MAX_REUSE_ALIGN || block % MAX_REUSE_ALIGN == 0 {
                *self.memory.link(block) = self.free[class];
                self.free[class] = block;
            }
        }
    }

    /// The same block when the new size keeps its class, else a new one with the bytes
    /// copied.
    pub fn realloc(&mut self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let Ok(new) = Layout::from_size_align(new_size, layout.align()) else {
            return core::ptr::null_mut();
        };
        if Self::class(layout).map(|c| c.1) == Self::class(new).map(|c| c.1) {
            return ptr;
        }
        let fresh = self.alloc(new);
        if !fresh.is_null() {
            let len = layout.size().min(new_size);
            self.memory.copy(ptr as usize, fresh as usize, len);
            self.dealloc(ptr, layout);
        }
        fresh
    }
}

/// The global allocator of the shipped modules (cargo feature `small-alloc`).
#[cfg(target_arch = "wasm32")]
pub struct SizeClasses(UnsafeCell<Heap<Linear>>);

#[cfg(target_arch = "wasm32")]
impl SizeClasses {
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        SizeClasses(UnsafeCell::new(Heap::new(Linear)))
    }
}

// A module runs on one thread (wasm32 without shared memory).
#[cfg(target_arch = "wasm32")]
unsafe impl Sync for SizeClasses {}

#[cfg(target_arch = "wasm32")]
unsafe impl GlobalAlloc for SizeClasses {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        (*self.0.get()).alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        (*self.0.get()).dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        (*self.0.get()).realloc(ptr, layout, new_size)
    }
}

/// The module's linear memory.
#[cfg(target_arch = "wasm32")]
pub struct Linear;

#[cfg(target_arch = "wasm32")]
impl Memory for Linear {
    fn end(&mut self) -> usize {
        core::arch::wasm32::memory_size(0) * PAGE
    }
    fn grow(&mut self, pages: usize) -> bool {
        core::arch::wasm32::memory_grow(0, pages) != usize::MAX
    }
    fn link(&mut self, block: usize) -> &mut usize {
        // SAFETY: `block` is a free block of at least MIN_BLOCK bytes, aligned for a usize.
        unsafe { &mut *(block as *mut usize) }
    }
    fn copy(&mut self, from: usize, to: usize, len: usize) {
        // SAFETY: both blocks are live, distinct and at least `len` bytes long.
        unsafe { core::ptr::copy_nonoverlapping(from as *const u8, to as *mut u8, len) };
    }
}

// Only `UnsafeCell` and `GlobalAlloc` are unused natively.
#[cfg(not(target_arch = "wasm32"))]
const _: Option<(UnsafeCell<()>, &dyn GlobalAlloc)> = None;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// Memory as a map of links, with a page count.
    struct Simulated {
        pages: usize,
        limit: usize,
        links: HashMap<usize, usize>,
        copies: Vec<(usize, usize, usize)>,
    }
    impl Memory for Simulated {
        fn end(&mut self) -> usize {
            self.pages * PAGE
        }
        fn grow(&mut self, pages: usize) -> bool {
            if self.pages + pages > self.limit {
                return false;
            }
            self.pages += pages;
            true
        }
        fn link(&mut self, block: usize) -> &mut usize {
            self.links.entry(block).or_insert(0)
        }
        fn copy(&mut self, from: usize, to: usize, len: usize) {
            self.copies.push((from, to, len));
        }
    }

    fn heap(limit: usize) -> Heap<Simulated> {
        Heap::new(Simulated {
            pages: 17,
            limit,
            links: HashMap::new(),
            copies: Vec::new(),
        })
    }

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn blocks_are_aligned_disjoint_and_reused_by_their_class() {
        let mut h = heap(1_000);
        let a = h.alloc(layout(24, 8)) as usize;
        let b = h.alloc(layout(3, 1)) as usize;
        let c = h.alloc(layout(100, 16)) as usize;
        assert_eq!(a % 16, 0);
        assert_eq!(c % 16, 0);
        assert!(a + 32 <= b || b + 8 <= a);
        h.dealloc(a as *mut u8, layout(24, 8));
        assert_eq!(
            h.alloc(layout(30, 4)) as usize,
            a,
            "same class: the freed block"
        );
        assert_ne!(
            h.alloc(layout(24, 8)) as usize,
            a,
            "in use again: a new block"
        );
    }

    #[test]
    fn out_of_memory_is_null_not_a_panic() {
        let mut h = heap(18);
        assert!(!h.alloc(layout(60_000, 8)).is_null());
        assert!(h.alloc(layout(1 << 20, 8)).is_null());
        assert!(h.alloc(layout(usize::MAX / 4, 8)).is_null());
    }

    #[test]
    fn realloc_keeps_the_block_within_its_class() {
        let mut h = heap(1_000);
        let p = h.alloc(layout(20, 4));
        assert_eq!(h.realloc(p, layout(20, 4), 32), p);
        let q = h.realloc(p, layout(32, 4), 33);
        assert_ne!(q, p);
        assert_eq!(
            h.memory.copies,
            [(p as usize, q as usize, 32)],
            "the bytes moved"
        );
        assert_eq!(
            h.alloc(layout(17, 4)),
            p,
            "the old block went back to its class"
        );
    }

    #[test]
    fn large_alignments_are_honoured_and_never_handed_to_smaller_requests() {
        let mut h = heap(1_000);
        let p = h.alloc(layout(64, 64)) as usize;
        assert_eq!(p % 64, 0);
        h.dealloc(p as *mut u8, layout(64, 64));
        let q = h.alloc(layout(64, 64)) as usize;
        assert_eq!(q % 64, 0);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// A workload that keeps allocating and freeing the same mix of sizes stops
        /// growing memory after its first round: what it frees, it reuses.
        #[test]
        fn a_recurring_workload_keeps_memory_flat(sizes in proptest::collection::vec(1usize..5_000, 1..50)) {
            let mut h = heap(100_000);
            let round = |h: &mut Heap<Simulated>| {
                let blocks: Vec<_> = sizes.iter().map(|&s| (h.alloc(layout(s, 8)), s)).collect();
                for &(p, _) in &blocks {
                    proptest::prop_assert!(!p.is_null());
                    proptest::prop_assert_eq!(p as usize % 8, 0);
                }
                for (p, s) in blocks {
                    h.dealloc(p, layout(s, 8));
                }
                Ok(())
            };
            round(&mut h)?;
            let after_first = h.memory.pages;
            for _ in 0..20 {
                round(&mut h)?;
            }
            proptest::prop_assert_eq!(h.memory.pages, after_first);
        }
    }
}
