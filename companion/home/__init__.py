"""The course home (« accueil »): icebreaker, registration and expectations. Pure."""
