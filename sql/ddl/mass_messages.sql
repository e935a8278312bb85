-- mass_messages: One send of a caption (or free text) by a page to its fans. Written by the messaging system.
-- Generated from com.eros.common.table.Tables; TableDdlTest fails when they differ.
CREATE TABLE IF NOT EXISTS `${dataset}.mass_messages` (
  message_id INT64 OPTIONS(description="Unique id of the send (row_id in the original system)"),
  page_name STRING OPTIONS(description="Creator page that sent the message"),
  caption_id INT64 OPTIONS(description="Caption used, NULL when sent as free text"),
  message STRING OPTIONS(description="Text as sent"),
  sending_time TIMESTAMP OPTIONS(description="When it was sent (UTC)"),
  price FLOAT64 OPTIONS(description="Price of the paid message, NULL when free"),
  sent_count INT64 OPTIONS(description="Recipients"),
  viewed_count INT64 OPTIONS(description="Recipients who viewed it"),
  purchased_count INT64 OPTIONS(description="Recipients who bought it"),
  earnings FLOAT64 OPTIONS(description="Revenue of the send"),
  message_type STRING OPTIONS(description="Kind of message")
)
PARTITION BY DATE(sending_time)
CLUSTER BY page_name;
