package org.careflow.identity;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Append-only on purpose: no update, no delete. */
interface AuditRepository extends Repository<AuditEntry, Long> {

  AuditEntry save(AuditEntry entry);

  @Query("select a from AuditEntry a where (:child is null or a.childId = :child) and (:actor is null or a.actor = :actor) order by a.at desc, a.id desc")
  List<AuditEntry> find(Long child, String actor, Pageable page);

  /** The same, for the children of some schools only (a supervisor's); reads the child module's entities by name. */
  @Query("select a from AuditEntry a where (:child is null or a.childId = :child) and (:actor is null or a.actor = :actor)"
      + " and a.childId in (select ch.id from Child ch where ch.schoolClass.school.id in :schools) order by a.at desc, a.id desc")
  List<AuditEntry> findInSchools(Long child, String actor, java.util.Collection<Long> schools, Pageable page);

  /** How many entries of these actions one actor made in [from, to): the records a teacher wrote in a term. */
  @Query("select count(a) from AuditEntry a where a.actor = :actor and a.action in :actions and a.at >= :from and a.at < :to")
  long countByActor(String actor, java.util.Collection<String> actions, java.time.Instant from, java.time.Instant to);
}
