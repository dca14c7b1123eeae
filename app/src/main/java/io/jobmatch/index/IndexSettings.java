package io.jobmatch.index;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The indexing queue's workers (README, "Configuration").
 *
 * @param workers      indexing pipelines of this service replica; each embeds one batch at a time while the next is
 *                     claimed and read and the previous upserted, so one keeps the model busy
 * @param batchSize    tasks claimed together: their offers are embedded in one model call and upserted in one Qdrant
 *                     call (deletes in one call)
 * @param pollInterval how often an idle worker looks for due tasks; a write in this replica wakes its workers at once,
 *                     so this bounds how soon another replica's writes and due retries are picked up
 * @param backoffBase  wait before the second attempt of a failed task; it doubles with every further attempt
 * @param backoffCap   longest wait between two attempts
 * @param maxAttempts  attempts after which a task is {@code failed} and waits for {@code POST /api/index/retry-failed}
 * @param lease        how long a claimed task stays this replica's; renewed every third of it while the work runs,
 *                     so a task of a replica that died is claimed again after at most this long
 */
@ConfigurationProperties("jobmatch.index")
public record IndexSettings(
        @Bindable(defaultValue = "1") int workers,
        @Bindable(defaultValue = "32") int batchSize,
        @Bindable(defaultValue = "1s") Duration pollInterval,
        @Bindable(defaultValue = "1s") Duration backoffBase,
        @Bindable(defaultValue = "5m") Duration backoffCap,
        @Bindable(defaultValue = "10") int maxAttempts,
        @Bindable(defaultValue = "60s") Duration lease) {

    public IndexSettings {
        if (workers < 1 || batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException(
                    "jobmatch.index.workers, batch-size and max-attempts must be at least 1");
        }
        if (lease.toMillis() < 3) {
            throw new IllegalArgumentException("jobmatch.index.lease must be positive");
        }
    }
}
