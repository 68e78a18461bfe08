package org.guidesearch.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Method;
import org.guidesearch.server.web.RateLimiter;
import org.junit.jupiter.api.Test;

/** The limiter's arithmetic, without a server: bursts, refill, separate clients, bounded memory. */
class RateLimiterTest {
  private final RateLimiter limiter = new RateLimiter(60, 3, new SimpleMeterRegistry());

  @Test
  void aClientGetsItsBurstThenWaitsAboutOneRefillInterval() throws Exception {
    long now = System.nanoTime();
    assertThat(acquire("a", now)).isZero();
    assertThat(acquire("a", now)).isZero();
    assertThat(acquire("a", now)).isZero();
    assertThat(acquire("a", now)).as("60 a minute refills one token a second").isEqualTo(1);
  }

  @Test
  void clientsHaveSeparateBuckets() throws Exception {
    long now = System.nanoTime();
    for (int i = 0; i < 3; i++) acquire("a", now);
    assertThat(acquire("a", now)).isPositive();
    assertThat(acquire("b", now)).isZero();
  }

  @Test
  void zeroPerMinuteTurnsTheLimiterOff() {
    assertThat(new RateLimiter(0, 1, new SimpleMeterRegistry()).enabled()).isFalse();
  }

  @Test
  void aFloodOfAddressesDoesNotGrowMemoryWithoutBound() throws Exception {
    long now = System.nanoTime();
    for (int i = 0; i < 120_000; i++) acquire("client-" + i, now + i * 20_000L);
    Method tracked = RateLimiter.class.getDeclaredMethod("trackedClients");
    tracked.setAccessible(true);
    assertThat((int) tracked.invoke(limiter)).isLessThan(100_000);
  }

  private long acquire(String client, long now) throws Exception {
    Method m = RateLimiter.class.getDeclaredMethod("tryAcquire", String.class, long.class);
    m.setAccessible(true);
    return (long) m.invoke(limiter, client, now);
  }
}
