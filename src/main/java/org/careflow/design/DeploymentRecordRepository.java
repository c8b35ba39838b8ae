package org.careflow.design;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeploymentRecordRepository extends JpaRepository<DeploymentRecord, String> {}
