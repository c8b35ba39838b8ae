package org.careflow.design;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ModelDraftRepository extends JpaRepository<ModelDraft, Long> {

  List<ModelDraft> findByDeploymentIdIsNullOrderBySavedAtDesc();
}
