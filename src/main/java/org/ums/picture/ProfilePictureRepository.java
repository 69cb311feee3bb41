package org.ums.picture;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ProfilePictureRepository extends Repository<ProfilePicture, UUID> {

  Optional<ProfilePicture> findById(UUID id);

  Optional<ProfilePicture> findByUserId(UUID userId);

  ProfilePicture save(ProfilePicture picture);

  void delete(ProfilePicture picture);

  void flush();

  @Modifying
  @Query("delete from ProfilePicture p where p.userId = :userId")
  int deleteByUserId(UUID userId);
}
