package org.careflow.school;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TeacherRepository extends JpaRepository<Teacher, Long> {
  Optional<Teacher> findByUsername(String username);

  List<Teacher> findBySchoolIdOrderByName(Long schoolId);

  List<Teacher> findByUsernameIn(java.util.Collection<String> usernames);
}
