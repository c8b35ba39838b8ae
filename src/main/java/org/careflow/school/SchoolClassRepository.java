package org.careflow.school;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SchoolClassRepository extends JpaRepository<SchoolClass, Long> {
  List<SchoolClass> findBySchoolIdOrderByGradeAscNameAsc(Long schoolId);

  List<SchoolClass> findByClassTeacherOrderByName(String classTeacher);

  Optional<SchoolClass> findBySchoolIdAndName(Long schoolId, String name);
}
