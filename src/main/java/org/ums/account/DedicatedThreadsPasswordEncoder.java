package org.ums.account;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Runs the memory-hard hashes on one long-lived thread per core. With more hashes in flight than cores, each
 * one's 19 MiB working set evicts the others' from the caches and throughput falls (measured here: 64 checks/s
 * with 2 threads, 47 with 4 on 2 cores); queueing them keeps the machine at its best rate, and a burst of logins
 * waits instead of starving every other request of CPU. The queue is bounded: a flood past it is refused at once
 * ({@link PasswordHashingBusyException}, a 503) rather than holding every request thread while it waits.
 */
final class DedicatedThreadsPasswordEncoder implements PasswordEncoder, DisposableBean {

  private final PasswordEncoder delegate;
  private final ExecutorService threads;

  DedicatedThreadsPasswordEncoder(PasswordEncoder delegate, int threadCount, int queueCapacity) {
    this.delegate = delegate;
    AtomicInteger counter = new AtomicInteger();
    this.threads = new ThreadPoolExecutor(threadCount, threadCount, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(queueCapacity), task -> {
          Thread thread = new Thread(task, "password-hashing-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return onHashingThread(() -> delegate.encode(rawPassword));
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    return onHashingThread(() -> delegate.matches(rawPassword, encodedPassword));
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return delegate.upgradeEncoding(encodedPassword);
  }

  @Override
  public void destroy() {
    threads.shutdownNow();
  }

  private <T> T onHashingThread(Callable<T> work) {
    java.util.concurrent.Future<T> result;
    try {
      result = threads.submit(work);
    } catch (RejectedExecutionException e) {
      throw new PasswordHashingBusyException();
    }
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a password hash", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
