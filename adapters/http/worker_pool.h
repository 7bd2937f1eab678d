#pragma once
// A fixed set of worker threads running queued jobs in FIFO order. The queue
// itself is unbounded, but the server submits at most one job per open
// connection, so it is bounded by the connection cap.
// Thread-safe: submit() from any thread; stop() once, from any thread but a
// worker's.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace faqbot::http {

class WorkerPool {
 public:
  // Starts `threads` workers; each runs `init` once before its first job.
  WorkerPool(int threads, std::function<void()> init);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void submit(std::function<void()> job);
  // Drops the queued jobs, lets running ones finish, joins the workers.
  void stop();
  int size() const { return static_cast<int>(threads_.size()); }

 private:
  void run();

  std::function<void()> init_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace faqbot::http
