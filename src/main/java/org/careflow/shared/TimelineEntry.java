package org.careflow.shared;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One record on a child's timeline. {@code kind} and each detail label are message codes; values are
 * shown as written.
 */
public record TimelineEntry(LocalDateTime at, String kind, String author, List<Detail> details) {

  public record Detail(String label, String value) {}
}
