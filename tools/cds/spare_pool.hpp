// A pool of spare objects that threads lease one at a time: what a call builds once (parsers,
// readers, evaluation buffers) and the next call can reuse instead of building again.
//
// lease() hands out a spare object, or makes one with the pool's factory when none is spare;
// the lease gives it back when it ends. The pool keeps every object ever made, so it holds at
// most as many as were leased at once (one per server thread). No eviction, no limit.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace redflag::tools::cds {

template <typename T>
class SparePool {
 public:
  explicit SparePool(std::function<std::unique_ptr<T>()> make) : make_(std::move(make)) {}

  // One object, exclusively the holder's until the lease ends.
  class Lease {
   public:
    Lease(SparePool& pool, std::unique_ptr<T> item) : pool_(pool), item_(std::move(item)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { pool_.give_back(std::move(item_)); }
    T& operator*() const { return *item_; }
    T* operator->() const { return item_.get(); }

   private:
    SparePool& pool_;
    std::unique_ptr<T> item_;
  };

  Lease lease() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      if (!spare_.empty()) {
        std::unique_ptr<T> item = std::move(spare_.back());
        spare_.pop_back();
        return Lease(*this, std::move(item));
      }
    }
    std::unique_ptr<T> item = make_();
    const std::lock_guard<std::mutex> lock(mutex_);
    spare_.reserve(++made_);  // so that give_back, in a destructor, never allocates
    return Lease(*this, std::move(item));
  }

 private:
  void give_back(std::unique_ptr<T> item) {
    const std::lock_guard<std::mutex> lock(mutex_);
    spare_.push_back(std::move(item));
  }

  std::function<std::unique_ptr<T>()> make_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<T>> spare_;
  std::size_t made_ = 0;
};

}  // namespace redflag::tools::cds
