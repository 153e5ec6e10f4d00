// Package chattopics is shared code that keeps topic names in variables,
// as go-random-chat's chat package does: no package writes them, so the
// services that publish or subscribe with them know their values.
package chattopics

var (
	MessagePubTopic = "rc.msg.pub"
	MessageSubTopic = MessagePubTopic + ".sub"
)
