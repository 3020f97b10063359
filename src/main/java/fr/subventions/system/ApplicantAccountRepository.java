package fr.subventions.system;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApplicantAccountRepository extends JpaRepository<ApplicantAccount, String> {
}
