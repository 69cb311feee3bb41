package org.ums.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.ums.account.Profiles;
import org.ums.account.PublicProfile;
import org.ums.web.Link;

/** Public profiles: what anyone may see of a verified user, by nickname. */
@RestController
@RequestMapping("/profiles")
@Tag(name = "Profiles")
class ProfileController {

  private final Profiles profiles;

  ProfileController(Profiles profiles) {
    this.profiles = profiles;
  }

  @GetMapping("/{nickname}")
  @Operation(summary = "A public profile", description = "For anyone. The email only when its owner chose to "
      + "show it; never the role or the account's state.")
  ResponseEntity<ProfileResponse> get(@PathVariable("nickname") String nickname) {
    PublicProfile profile = profiles.publicProfile(nickname);
    String self = ServletUriComponentsBuilder.fromCurrentContextPath().path("/profiles/{nickname}")
        .buildAndExpand(profile.nickname()).toUriString();
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
        .body(ProfileResponse.from(profile, List.of(Link.get("self", self))));
  }

  /** A public profile as the API shows it. */
  record ProfileResponse(String nickname, String firstName, String lastName, String bio, String location,
      String profilePictureUrl, String linkedinProfileUrl, String githubProfileUrl, boolean isProfessional,
      String email, List<Link> links) {

    static ProfileResponse from(PublicProfile profile, List<Link> links) {
      return new ProfileResponse(profile.nickname(), profile.firstName(), profile.lastName(), profile.bio(),
          profile.location(),
          PictureUrls.of(profile.profilePictureUrl(), profile.firstName(), profile.lastName(), profile.nickname()),
          profile.linkedinProfileUrl(), profile.githubProfileUrl(), profile.isProfessional(), profile.email(), links);
    }
  }
}
