package org.careflow.guardianmeeting;

import java.time.Instant;

/**
 * A class's guardian meeting was recorded as held (its attendance written): published in the recording
 * transaction, so what counts the meetings held (oversight's targets) is in step when it commits.
 */
public record GuardianMeetingHeld(long meetingId, long classId, Instant heldAt) {}
