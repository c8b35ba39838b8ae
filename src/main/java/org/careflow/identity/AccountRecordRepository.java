package org.careflow.identity;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRecordRepository extends JpaRepository<AccountRecord, String> {}
