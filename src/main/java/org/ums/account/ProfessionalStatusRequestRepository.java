package org.ums.account;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface ProfessionalStatusRequestRepository extends Repository<ProfessionalStatusRequest, UUID> {

  ProfessionalStatusRequest saveAndFlush(ProfessionalStatusRequest request);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from ProfessionalStatusRequest r where r.id = :id")
  Optional<ProfessionalStatusRequest> findByIdForUpdate(@Param("id") UUID id);

  boolean existsByUserIdAndStatus(UUID userId, ProfessionalStatusRequest.Status status);

  @Query("select r from ProfessionalStatusRequest r where r.status = :status order by r.createdAt, r.id")
  List<ProfessionalStatusRequest> findByStatus(@Param("status") ProfessionalStatusRequest.Status status,
      Pageable page);

  long countByStatus(ProfessionalStatusRequest.Status status);
}
