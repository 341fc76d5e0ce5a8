// An allocator for large tables read at random (perceptron weights, neural scorer tables): blocks
// of 2 MB or more are mapped 2 MB aligned and advised as transparent huge pages, so that random
// lookups miss the TLB far less often. Smaller blocks come from operator new.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <new>

namespace kg {

inline constexpr size_t kHugePage = size_t{2} << 20;

// `bytes` rounded up to whole huge pages.
inline constexpr size_t huge_page_span(size_t bytes) {
  return (bytes + kHugePage - 1) / kHugePage * kHugePage;
}

template <class T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) {}

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) return static_cast<T*>(::operator new(bytes));
    const size_t rounded = huge_page_span(bytes);
    // Map one huge page more than needed and unmap the unaligned ends.
    void* raw = mmap(nullptr, rounded + kHugePage, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) throw std::bad_alloc();
    const uintptr_t start = reinterpret_cast<uintptr_t>(raw);
    const uintptr_t aligned = huge_page_span(start);
    if (aligned > start) munmap(raw, aligned - start);
    const uintptr_t end = start + rounded + kHugePage;
    if (end > aligned + rounded) munmap(reinterpret_cast<void*>(aligned + rounded),
                                        end - aligned - rounded);
    void* p = reinterpret_cast<void*>(aligned);
#ifdef MADV_HUGEPAGE
    madvise(p, rounded, MADV_HUGEPAGE);  // advice only: without huge pages it still works
#endif
    return static_cast<T*>(p);
  }

  void deallocate(T* p, size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) {
      ::operator delete(p);
    } else {
      munmap(p, huge_page_span(bytes));
    }
  }

  template <class U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

}  // namespace kg
