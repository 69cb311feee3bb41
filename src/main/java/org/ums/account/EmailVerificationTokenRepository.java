package org.ums.account;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface EmailVerificationTokenRepository extends Repository<EmailVerificationToken, UUID> {

  EmailVerificationToken save(EmailVerificationToken token);

  Optional<EmailVerificationToken> findByTokenHash(byte[] tokenHash);

  @Modifying
  @Query("delete from EmailVerificationToken t where t.userId = :userId")
  void deleteByUserId(@Param("userId") UUID userId);
}
