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
}
