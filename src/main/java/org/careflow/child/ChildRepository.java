package org.careflow.child;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ChildRepository extends JpaRepository<Child, Long> {
  Optional<Child> findByStudentNo(String studentNo);

  List<Child> findBySchoolClassIdOrderByName(Long classId);

  List<Child> findByStudentNoIn(Collection<String> studentNos);

  @Query("select c from Child c join fetch c.schoolClass sc join fetch sc.school where c.id = ?1")
  Optional<Child> findWithClassById(Long id);

  /** Id and name of each child, without the rest of the archive. */
  @Query("select c.id, c.name from Child c where c.id in ?1")
  List<Object[]> namesOf(Collection<Long> ids);

  @Query("select c from Child c join fetch c.schoolClass where c.id in ?1")
  List<Child> findWithClassByIdIn(Collection<Long> ids);
}
