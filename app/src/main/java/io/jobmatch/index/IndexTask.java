package io.jobmatch.index;

import java.util.UUID;

/**
 * One offer's pending index work, as claimed: what to do and the version of the write that asked for it.
 *
 * @param version bumped by every write of the offer; the task is removed only while it is still this version
 */
record IndexTask(UUID offerId, Action action, long version) {

    enum Action {
        UPSERT,
        DELETE
    }
}
