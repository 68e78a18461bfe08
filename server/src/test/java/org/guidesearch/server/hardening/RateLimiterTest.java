package org.guidesearch.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.Context;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.guidesearch.server.web.RateLimiter;
import org.junit.jupiter.api.Test;

/** The limiter's arithmetic, without a server: bursts, refill, separate clients, bounded memory. */
class RateLimiterTest {
    private final RateLimiter limiter = new RateLimiter(60, 3, new SimpleMeterRegistry());

    @Test
    void aClientGetsItsBurstThenWaitsAboutOneRefillInterval() throws Exception {
        assertThat(acquire("a")).isZero();
        assertThat(acquire("a")).isZero();
        assertThat(acquire("a")).isZero();
        assertThat(acquire("a")).as("60 a minute refills one token a second").isEqualTo(1);
    }

    @Test
    void clientsHaveSeparateBuckets() throws Exception {
        for (int i = 0; i < 3; i++) acquire("a");
        assertThat(acquire("a")).isPositive();
        assertThat(acquire("b")).isZero();
    }

    @Test
    void zeroPerMinuteTurnsTheLimiterOff() {
        RateLimiter off = new RateLimiter(0, 1, new SimpleMeterRegistry());
        assertThat(off.enabled()).isFalse();
        assertThat(limitedOf(off, 1_000))
                .as("far past any burst, from one address")
                .isZero();
    }

    @Test
    void theSameRequestsAreLimitedWhenTheLimiterIsOn() {
        assertThat(limitedOf(new RateLimiter(1, 1, new SimpleMeterRegistry()), 1_000))
                .isEqualTo(999);
    }

    /** How many of {@code n} requests from one address {@link RateLimiter#apply} answered itself (429). */
    private static int limitedOf(RateLimiter limiter, int n) {
        int limited = 0;
        for (int i = 0; i < n; i++) {
            if (!limiter.apply(requestFrom("203.0.113.7"))) limited++;
        }
        return limited;
    }

    /** Just enough of a request for the limiter: its client address; the 429 it may write goes nowhere. */
    private static Context requestFrom(String ip) {
        return (Context) Proxy.newProxyInstance(
                Context.class.getClassLoader(),
                new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "ip" -> ip;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "request from " + ip;
                    default -> Context.class.isAssignableFrom(method.getReturnType()) ? proxy : null;
                });
    }

    @Test
    void aFloodOfAddressesDoesNotGrowMemoryWithoutBound() throws Exception {
        for (int i = 0; i < 120_000; i++) acquire("client-" + i);
        Method tracked = RateLimiter.class.getDeclaredMethod("trackedClients");
        tracked.setAccessible(true);
        assertThat((long) tracked.invoke(limiter)).isLessThan(100_000);
    }

    private long acquire(String client) throws Exception {
        Method m = RateLimiter.class.getDeclaredMethod("tryAcquire", String.class);
        m.setAccessible(true);
        return (long) m.invoke(limiter, client);
    }
}
