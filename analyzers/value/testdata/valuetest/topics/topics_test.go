package topics

// A test's override is not in the production binary: MessagePubTopic
// keeps its fact.
func init() { MessagePubTopic = "rc.msg.test" }
