/**
 * 劝返 (issue 18, item 4; 篇8/21): a child whose class teacher's talk card reports at least
 * {@code careflow.absence.follow-up-days} school days missed is followed up: process {@code absence-follow-up}
 * (business key {@code absence-<id>}) gives the class teacher a task to find out why and record it (the reason
 * from a list and in words, and what came of it). An outcome of dropping out (辍学) or transferring closes the
 * case with that reason, so that 巩固率 and the statistics reflect it. Owns {@code cf_absence_follow_up}.
 */
package org.careflow.absence;
