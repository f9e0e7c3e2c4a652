-- The shape each post takes on its platform (text, thread, image, carousel, reel, ...), chosen at
-- planning from the campaign's postTypes; NULL lets the platform agent choose from the media.
ALTER TABLE posts ADD COLUMN post_type text;
