package org.careflow.oversight;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Which schools and classes an oversight figure covers: all (a district officer), some schools (a
 * principal), or some classes. A figure's SQL takes it as one condition on the school and class ids its
 * rows already carry, so a scoped figure costs no more than the whole district's. {@code null} means no
 * limit on that level; an empty set means nothing.
 */
public record Scope(Set<Long> schoolIds, Set<Long> classIds) {

  public static final Scope ALL = new Scope(null, null);

  public Scope {
    schoolIds = schoolIds == null ? null : Set.copyOf(schoolIds);
    classIds = classIds == null ? null : Set.copyOf(classIds);
  }

  /** A user's schools as identity gives them ({@code null}: an administrator, all schools). */
  public static Scope of(Set<Long> schoolIdsOrAll) {
    return schoolIdsOrAll == null ? ALL : new Scope(schoolIdsOrAll, null);
  }

  public static Scope schools(Set<Long> ids) {
    return new Scope(ids, null);
  }

  public static Scope classes(Set<Long> ids) {
    return new Scope(null, ids);
  }

  public boolean all() {
    return schoolIds == null && classIds == null;
  }

  /** The figure's cache key part. */
  String key() {
    return (schoolIds == null ? "*" : new TreeSet<>(schoolIds).toString()) + "/" + (classIds == null ? "*" : new TreeSet<>(classIds).toString());
  }

  /** " AND ..." on the given school and class id columns (nothing for all), with its parameters added to p. */
  String where(String schoolColumn, String classColumn, MapSqlParameterSource p) {
    StringBuilder sql = new StringBuilder();
    if (schoolIds != null) {
      sql.append(schoolIds.isEmpty() ? " AND 1 = 0" : " AND " + schoolColumn + " IN (:scopeSchools)");
      p.addValue("scopeSchools", schoolIds);
    }
    if (classIds != null) {
      sql.append(classIds.isEmpty() ? " AND 1 = 0" : " AND " + classColumn + " IN (:scopeClasses)");
      p.addValue("scopeClasses", classIds);
    }
    return sql.toString();
  }
}
