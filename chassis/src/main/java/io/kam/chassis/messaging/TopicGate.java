package io.kam.chassis.messaging;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Lets a read-model rebuild hold this process's consumers of some topics: every poll's records are
 * applied under the topic's read lock, a rebuild takes the write lock, so it starts once the batch
 * in progress is done and the live consumer waits (its records stay unacknowledged, the connector
 * pauses fetching) until the rebuild is over. The rebuild's own replay runs on the thread holding
 * the write lock, which may take the read lock too.
 */
@Singleton
public class TopicGate {

  private final Map<String, ReentrantReadWriteLock> locks = new ConcurrentHashMap<>();

  private ReentrantReadWriteLock lockOf(String topic) {
    return locks.computeIfAbsent(topic, t -> new ReentrantReadWriteLock(true));
  }

  void enter(String topic) {
    try {
      lockOf(topic).readLock().lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("consumer interrupted while a rebuild holds " + topic, e);
    }
  }

  void exit(String topic) {
    lockOf(topic).readLock().unlock();
  }

  /** Holds the consumers of these topics until {@link #open}; call both on the same thread. */
  public void close(Collection<String> topics) throws InterruptedException {
    for (String topic : new TreeSet<>(topics)) {
      lockOf(topic).writeLock().lockInterruptibly();
    }
  }

  public void open(Collection<String> topics) {
    for (String topic : new TreeSet<>(topics).descendingSet()) {
      ReentrantReadWriteLock lock = lockOf(topic);
      if (lock.isWriteLockedByCurrentThread()) {
        lock.writeLock().unlock();
      }
    }
  }
}
