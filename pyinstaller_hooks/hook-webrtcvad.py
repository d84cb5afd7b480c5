# PyInstaller hook for webrtcvad as installed from the webrtcvad-wheels distribution.
# The community hook copies the metadata of a distribution named "webrtcvad", which is not
# installed, and the build stops; a hook in the spec's hookspath takes precedence over it.
from PyInstaller.utils.hooks import copy_metadata

datas = copy_metadata("webrtcvad-wheels")
