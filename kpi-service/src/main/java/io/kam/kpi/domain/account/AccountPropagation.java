package io.kam.kpi.domain.account;

import io.kam.chassis.ops.ConsumerLag;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Why an item waits for its account. kpi-service learns accounts only from account-service's
 * events, so it can tell the two cases apart by its own position in {@code kam.account.events}:
 * when every event published there so far has been consumed and the reference is still not known,
 * account-service has not announced such an account ({@link PendingReason#ACCOUNT_UNKNOWN}); while
 * account events are still to be consumed (or Kafka cannot say), the account may be among them
 * ({@link PendingReason#ACCOUNT_NOT_YET_PROPAGATED}). The position is read before the references
 * are resolved, at most a second old.
 */
@ApplicationScoped
public class AccountPropagation {

  static final String TOPIC = "kam.account.events";
  private static final long MAX_AGE_MS = 1000;

  public enum PendingReason {
    /** Account events are still to be consumed: the account may be among them. */
    ACCOUNT_NOT_YET_PROPAGATED,
    /** Every account event published so far was consumed and none names this account. */
    ACCOUNT_UNKNOWN
  }

  private final ConsumerLag lag;

  public AccountPropagation(ConsumerLag lag) {
    this.lag = lag;
  }

  /** The reason an item pending now waits, from this service's consumer position. */
  public PendingReason reasonNow() {
    return reason(lag.read(MAX_AGE_MS));
  }

  /** Caught up (lag 0 in every group reading account events) means the account is unknown. */
  static PendingReason reason(Map<String, Map<String, Long>> lagByGroup) {
    boolean reads = false;
    for (Map<String, Long> topics : lagByGroup.values()) {
      Long behind = topics.get(TOPIC);
      if (behind == null) {
        continue;
      }
      reads = true;
      if (behind != 0) {
        return PendingReason.ACCOUNT_NOT_YET_PROPAGATED; // behind, or -1: Kafka cannot tell now
      }
    }
    return reads ? PendingReason.ACCOUNT_UNKNOWN : PendingReason.ACCOUNT_NOT_YET_PROPAGATED;
  }
}
