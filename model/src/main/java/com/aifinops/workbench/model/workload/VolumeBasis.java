package com.aifinops.workbench.model.workload;

/** How a workload states its volume. */
public enum VolumeBasis {
    /** users × requests per user per day × days per month */
    USERS_PER_DAY,
    /** a monthly request count, stated directly */
    REQUESTS_PER_MONTH,
    /** conversations per month × turns, with the {@link Conversation}'s growing input */
    CONVERSATIONS
}
